import type { Flash } from "./flash.server";

export function FlashMessage({ flash }: { flash: Flash }) {
  return (
    <div className={`flash flash--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}
