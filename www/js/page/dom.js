// Small DOM helpers shared by the page's controllers.

export const $ = (id) => document.getElementById(id);

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Resolves after the next frame has been drawn (or after 200 ms in a hidden tab). */
export function afterNextFrame() {
  return new Promise((ok) => {
    const timer = setTimeout(ok, 200);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        ok();
      }, 0),
    );
  });
}

export function formatBytes(n) {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Today in the reader's time zone, "YYYY-MM-DD" (for file names). */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Texts longer than this are rendered in time slices. */
export const INCREMENTAL_RENDER_CHARS = 40_000;
/** Panel lists show at most this many rows (the marked text always shows everything). */
export const PANEL_LIMIT = 150;
