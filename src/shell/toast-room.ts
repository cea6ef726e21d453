/**
 * Notices float over the page's end, above the tabs, rather than sitting in its flow: one that
 * comes after the first paint (the app is ready offline, an update waits, another tab upgraded the
 * database) then moves nothing the user is reading or about to tap. So that they hide nothing for
 * good, `main` keeps room at its end as tall as they are (app.css): this attachment measures a
 * notice area and keeps its height in the CSS variable `--<name>` on the document.
 *
 * @example
 * <div class="toasts" {@attach toastRoom('notice-room')}>…</div>
 */
export function toastRoom(name: string): (node: HTMLElement) => () => void {
  return (node) => {
    const property = `--${name}`;
    const style = document.documentElement.style;
    const observer = new ResizeObserver(() => style.setProperty(property, `${node.offsetHeight}px`));
    observer.observe(node);
    return () => {
      observer.disconnect();
      style.removeProperty(property);
    };
  };
}
