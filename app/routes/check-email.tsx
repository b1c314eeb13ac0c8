import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Check your e-mail – Staffroom" }];

export default function CheckEmail() {
  return (
    <>
      <h1>Check your e-mail</h1>
      <p>We have sent you an e-mail with a link. Open it to carry on.</p>
      <p>If it has not arrived within a few minutes, look in your junk folder.</p>
      <p>
        <Link to="/account">Go to your account</Link>
      </p>
    </>
  );
}
