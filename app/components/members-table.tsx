import { ScrollRegion } from "./scroll-region";

export type MemberRow = { key: string; name: string; email: string; role: string; where: string };

/** Who holds which role where: used by the team, school staff and partnership admin pages. */
export function MembersTable({
  members,
  caption,
  captionHidden,
}: {
  members: MemberRow[];
  caption: string;
  captionHidden?: boolean;
}) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.key}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{m.role}</td>
              <td>{m.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
