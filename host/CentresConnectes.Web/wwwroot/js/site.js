// Confirmation for destructive buttons: <button data-confirm="Question ?">. No inline scripts (CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});

// Print buttons: <button type="button" data-print>Imprimer</button> (lists, statistics).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
