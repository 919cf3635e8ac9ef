import { permanentRedirect } from "next/navigation";

/** The user list moved to /admin/users (with the other admin pages). */
export default function UsersMoved() {
  permanentRedirect("/admin/users");
}
