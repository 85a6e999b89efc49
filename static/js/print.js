// A "Print" button (data-print) opens the browser's print dialog; without JavaScript the browser's own menu works.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
