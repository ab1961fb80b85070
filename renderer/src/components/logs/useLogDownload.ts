import { useState } from 'react';
import { errorMessage } from '../../state/resource';
import { saveTextFile } from '../saveTextFile';

/** A whole log saved as a file: `read` fetches it; busy meanwhile, and the error when that failed. */
export function useLogDownload(read: () => Promise<{ fileName: string; text: string }>) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const save = async () => {
    setState({ busy: true, error: null });
    try {
      const file = await read();
      saveTextFile(file.fileName, file.text);
      setState({ busy: false, error: null });
    } catch (err) {
      setState({ busy: false, error: errorMessage(err) });
    }
  };
  return { ...state, save };
}
