import { Link } from "./Link.tsx";

export type Crumb = { href: string; label: string };

/** "Disputes / Venezuela–Guyana": where a page sits, its own name last. `label` names the trail for screen readers. */
export function Breadcrumbs({ label, trail, current }: { label: string; trail: Crumb[]; current: string }) {
  return (
    <nav class="breadcrumbs" aria-label={label}>
      {trail.map((step) => (
        <span key={step.href}>
          <Link href={step.href}>{step.label}</Link>
          <span aria-hidden="true"> / </span>
        </span>
      ))}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
