// Settings pages (no inline scripts: the CSP forbids them).

// Welcome message toolbar: wraps the selected text of the textarea in a tag.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-wrap]");
  if (!button) return;
  const area = document.getElementById(button.dataset.target);
  if (!area) return;
  const tag = button.dataset.wrap;
  const start = area.selectionStart;
  const end = area.selectionEnd;
  let selected = area.value.substring(start, end);
  let before, after;
  if (tag === "a") {
    const url = window.prompt("Adresse du lien (https://…)", "https://");
    if (!url) return;
    before = `<a href="${url.replace(/"/g, "&quot;")}">`;
    after = "</a>";
    if (!selected) selected = url;
  } else if (tag === "ul") {
    const lines = (selected || "Élément").split("\n").filter((l) => l.trim() !== "");
    before = "<ul>\n";
    selected = lines.map((l) => `  <li>${l.trim()}</li>`).join("\n");
    after = "\n</ul>";
  } else {
    before = `<${tag}>`;
    after = `</${tag}>`;
  }
  area.setRangeText(before + selected + after, start, end, "end");
  area.focus();
  // Refreshes the htmx preview.
  area.dispatchEvent(new Event("input", { bubbles: true }));
});

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
});
