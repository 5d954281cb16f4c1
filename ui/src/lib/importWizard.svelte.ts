// Asking for the import wizard from anywhere (the File menu, a file dropped on the window): the
// map screen watches `importRequest` and opens the wizard.

export const importRequest = $state<{ seq: number; file: File | null }>({ seq: 0, file: null });

/** Open the import wizard, with a dropped file to start from if there is one. */
export function requestImport(file: File | null = null) {
  importRequest.file = file;
  importRequest.seq += 1;
}

/** Whether a drag carries files from outside (not a card dragged on the board). */
export function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}
