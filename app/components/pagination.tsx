import { Link } from "@remix-run/react";

/** Previous/next links that keep the rest of the query; works without JavaScript. */
export function Pagination({ page, pages, search }: { page: number; pages: number; search: URLSearchParams | string }) {
  if (pages <= 1) return null;
  const link = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params}`;
  };
  return (
    <nav aria-label="Pages">
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <Link to={link(page - 1)} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page} of {pages}
        </li>
        {page < pages ? (
          <li>
            <Link to={link(page + 1)} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
