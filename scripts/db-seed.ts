// npm run db:seed — migrate and seed demo data (what `npm start` does before serving).
import { prepareDatabase } from "@/lib/seed/prepare";
import { env } from "@/lib/env";

await prepareDatabase(env(), (line) => console.log(line));
