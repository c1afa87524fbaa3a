/**
 * Saving text as a file from an extension page: a Blob and a download link, clicked.
 * Needs no `downloads` permission; the object URL is released once the click has run.
 */
export function downloadText(name: string, type: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
