"use client";
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nb">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", maxWidth: 560, margin: "0 auto" }}>
        <h1>Noe gikk galt / Something went wrong</h1>
        <p>Prøv igjen. / Please try again.</p>
        {error.digest ? (
          <p>
            Ref: <code>{error.digest}</code>
          </p>
        ) : null}
        <button onClick={reset}>Prøv igjen / Try again</button>
      </body>
    </html>
  );
}
