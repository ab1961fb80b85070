import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Asks before deleting a target or a plan; the host answers with the list without it. */
export function DeleteDialog({ what, statement, onDelete, onClose }: { what: string; statement: string; onDelete(): Promise<unknown>; onClose(): void }) {
  return (
    <ConfirmDialog
      title={`Delete ${what}`}
      statement={statement}
      confirmLabel="Delete"
      onClose={onClose}
      onConfirm={async () => {
        await onDelete();
        onClose();
      }}
    />
  );
}
