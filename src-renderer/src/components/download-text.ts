/** Saves text as a file through the browser (the desktop window does the same: it is a browser too). */
export const downloadText = (fileName: string, content: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};
