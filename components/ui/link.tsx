import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's links: next/link (client-side navigation) without prefetching. Every page here is
 * dynamic and has no loading boundary, so a prefetch brings back only the route's outline (a few
 * hundred bytes) yet makes the server run the request's layouts: 7–11 ms of CPU each. With
 * viewport prefetching one history page fired about 75 of them (its rows, chips, sort links and the
 * menu), roughly 15 times the cost of the page itself. A click fetches the page as it would anyway.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
