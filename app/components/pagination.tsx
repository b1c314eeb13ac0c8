import { Link } from "@remix-run/react";

type Props = {
  page: number;
  pages: number;
  /** The current query string: every other parameter is kept in the links. */
  search: URLSearchParams | string;
  /** The query parameter holding the page number, for pages with more than one paged list. */
  param?: string;
  /** The accessible name of the navigation landmark; unique per page when there are several. */
  label?: string;
  /** A fragment to land on (the list's heading id), so the reader is not sent back to the top. */
  hash?: string;
};

/** Previous/next links that keep the rest of the query; works without JavaScript. */
export function Pagination({ page, pages, search, param = "page", label = "Pages", hash }: Props) {
  if (pages <= 1) return null;
  const link = (p: number) => {
    const params = new URLSearchParams(search);
    params.set(param, String(p));
    return `?${params}${hash ? `#${hash}` : ""}`;
  };
  return (
    <nav aria-label={label}>
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <Link to={link(Math.min(page - 1, pages))} rel="prev">
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
