// The printed page (数字报), comfort only: the page works without this file. Pointing at an
// article in the list highlights its region on the page image, and the other way round.
document.addEventListener("DOMContentLoaded", () => {
  const items = document.querySelectorAll(".sheet-list li[data-article], .sheet-image .region");
  const mark = (id, on) => {
    document.querySelectorAll(`[data-article="${id}"]`).forEach((element) => {
      element.classList.toggle("is-highlighted", on);
    });
  };
  items.forEach((element) => {
    const id = element.dataset.article;
    for (const [type, on] of [["mouseenter", true], ["mouseleave", false], ["focusin", true], ["focusout", false]]) {
      element.addEventListener(type, () => mark(id, on));
    }
  });
});
