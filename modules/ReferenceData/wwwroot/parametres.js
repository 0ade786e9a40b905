// Settings pages (no inline scripts: the CSP forbids them).

// Welcome message editor (Trix). This file is loaded before Trix, so the editor starts configured:
// its « Titre » is an <h2> (the page's own title is the h1, and a saved title reads back as a title).
document.addEventListener("trix-before-initialize", () => {
  window.Trix.config.blockAttributes.heading1.tagName = "h2";
});
// No pictures or files in a message shown on the kiosk.
document.addEventListener("trix-file-accept", (event) => event.preventDefault());

// Logo: shows the chosen picture before it is sent.
document.addEventListener("change", (event) => {
  const input = event.target.closest("[data-logo-input]");
  if (!input || !input.files || input.files.length === 0) return;
  const image = document.getElementById(input.dataset.logoInput);
  if (!image) return;
  image.removeAttribute("width");
  image.removeAttribute("height");
  image.style.maxWidth = "300px";
  image.style.maxHeight = "120px";
  image.src = URL.createObjectURL(input.files[0]);
  // Before the first logo the frame is hidden (no empty frame): it appears with the chosen picture.
  image.closest(".logo-preview")?.classList.remove("d-none");
  document.querySelector("[data-testid=no-logo]")?.remove();
});
