import { geoArea, geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// The atlas is emitted as a separate file and fetched when the map is first shown.
import atlasUrl from "world-atlas/countries-110m.json?url";
import { KIND_ORDER, KIND_STYLE, kindFill, NO_RELATION_FILL, patternId, UNKNOWN_FILL } from "../lib/kinds.ts";
import type { Kind } from "../lib/types.ts";

/** One country on the map as the page sees it. */
export interface MapEntry {
  code: string | null;
  name: string;
  kind: Kind | null;
  /** Words for the tooltip: "Member since 29 March 2004". */
  detail: string | null;
}

interface Shape {
  id: string;
  name: string;
  d: string;
  /** Where the tooltip points: the centre of the country's largest piece, in map units. */
  anchor: [number, number];
}

interface Atlas {
  width: number;
  height: number;
  shapes: Shape[];
}

const WIDTH = 960;
let atlasPromise: Promise<Atlas> | null = null;

function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= fetch(atlasUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
    })
    .then((topology) => {
      const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
      // Antarctica ("010") takes a fifth of the picture and holds no relation.
      const features = collection.features.filter((f) => f.id !== "010");
      const land: FeatureCollection<Geometry, { name: string }> = { type: "FeatureCollection", features };
      const projection = geoEqualEarth().fitWidth(WIDTH, land);
      const path = geoPath(projection);
      const [[, y0], [, y1]] = path.bounds(land);
      projection.translate([projection.translate()[0], projection.translate()[1] - y0 + 2]);
      const height = Math.ceil(y1 - y0 + 4);
      const shapes = features.map((f) => ({
        id: String(f.id ?? ""),
        name: f.properties?.name ?? "",
        d: path(f) ?? "",
        anchor: anchorOf(f, path),
      }));
      return { width: WIDTH, height, shapes };
    })
    .catch((error: unknown) => {
      atlasPromise = null;
      throw error;
    });
  return atlasPromise;
}

function anchorOf(f: Feature<Geometry>, path: ReturnType<typeof geoPath>): [number, number] {
  let target: Feature<Geometry> = f;
  if (f.geometry.type === "MultiPolygon") {
    const polygons = (f.geometry as MultiPolygon).coordinates;
    let best = -1;
    for (const coordinates of polygons) {
      const piece: Feature<Polygon> = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates } };
      const area = geoArea(piece);
      if (area > best) {
        best = area;
        target = piece;
      }
    }
  }
  const [x, y] = path.centroid(target);
  return [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0];
}

interface Props {
  entries: Map<string, MapEntry>;
  /** The ISO numeric code of the country to point out (hovered here or in the list). */
  highlight: string | null;
  onHighlight: (isoNumeric: string | null) => void;
  onSelect: (code: string) => void;
  label: string;
  loadingText: string;
  errorText: string;
  noRelationText: string;
  /** Tells the page which numeric codes the map can draw (small states are missing at 110m). */
  onDrawable?: (ids: Set<string>) => void;
  busy?: boolean;
}

export default function WorldMap(props: Props) {
  const { entries, highlight, onHighlight, onSelect, label, onDrawable } = props;
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (loaded) => {
        if (!live) return;
        setAtlas(loaded);
        onDrawable?.(new Set(loaded.shapes.map((s) => s.id)));
      },
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  const shapesById = useMemo(() => new Map(atlas?.shapes.map((s) => [s.id, s]) ?? []), [atlas]);

  if (failed) {
    return (
      <div class="map-frame map-placeholder" role="alert">
        <p>
          {props.errorText} <span class="muted">{failed}</span>
        </p>
      </div>
    );
  }
  if (!atlas) {
    return (
      <div class="map-frame map-placeholder" role="status">
        <p>
          <span class="spinner" aria-hidden="true" />
          {props.loadingText}
        </p>
      </div>
    );
  }

  const focused = highlight ? shapesById.get(highlight) : undefined;
  const focusedEntry = highlight ? entries.get(highlight) : undefined;

  return (
    <div class={`map-frame${props.busy ? " is-busy" : ""}`}>
      <svg
        class="world-map"
        viewBox={`0 0 ${atlas.width} ${atlas.height}`}
        role="img"
        aria-label={label}
        onPointerLeave={() => onHighlight(null)}
      >
        <defs>
          {KIND_ORDER.filter((kind) => KIND_STYLE[kind].pattern).map((kind) => (
            <pattern
              id={patternId(kind)}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={KIND_STYLE[kind].fill} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" stroke-opacity="0.75" />
              {KIND_STYLE[kind].pattern === "cross" && (
                <line x1="0" y1="3" x2="6" y2="3" stroke="#ffffff" stroke-width="1.5" stroke-opacity="0.6" />
              )}
            </pattern>
          ))}
        </defs>
        <g class="countries">
          {atlas.shapes.map((shape) => {
            const entry = entries.get(shape.id);
            const fill = entry?.kind ? kindFill(entry.kind) : entry ? NO_RELATION_FILL : UNKNOWN_FILL;
            return (
              // The map is a shortcut for the pointer: the svg is one role="img", and the country list
              // beside it holds the same links for the keyboard and screen readers (focusing one there
              // points it out here). Focusable countries would add some 170 tab stops inside an image.
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only shortcut; the country list is the accessible way in
              <path
                key={shape.id}
                d={shape.d}
                fill={fill}
                class={entry?.code ? "country is-linked" : "country"}
                data-id={shape.id}
                data-kind={entry?.kind ?? "none"}
                onPointerEnter={() => onHighlight(shape.id)}
                onClick={() => entry?.code && onSelect(entry.code)}
              />
            );
          })}
        </g>
        {focused && <path class="country-outline" d={focused.d} />}
      </svg>
      {focused && (
        <div
          class={`map-tooltip${focused.anchor[1] < atlas.height * 0.25 ? " below" : ""}${focused.anchor[0] < atlas.width * 0.15 ? " align-start" : focused.anchor[0] > atlas.width * 0.85 ? " align-end" : ""}`}
          style={{
            left: `${(focused.anchor[0] / atlas.width) * 100}%`,
            top: `${(focused.anchor[1] / atlas.height) * 100}%`,
          }}
          aria-hidden="true"
        >
          <strong>{focusedEntry?.name ?? focused.name}</strong>
          <span>{focusedEntry?.detail ?? props.noRelationText}</span>
        </div>
      )}
    </div>
  );
}
