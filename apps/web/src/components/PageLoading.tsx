import './page-loading.css';

/** While a page's code or data arrives (a CSS spinner: no component library needed this early). */
export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="page-loading-dot" aria-hidden />
      正在加载…
    </div>
  );
}
