/** macOS uses Cmd where other platforms use Ctrl for app shortcuts. */
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const modifierLabel = (): string => (isMac() ? '⌘' : 'Ctrl');
