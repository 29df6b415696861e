import { constructFromEvents, CORE_SCHEMA, EVENT_ID, mergeTag, parseEvents, type Event } from 'js-yaml';

export interface PlainYamlLimits {
  maxRepeated: number;
  maxDepth: number;
}

interface Size {
  weight: number;
  depth: number;
}

interface Frame extends Size {
  anchor: string | null;
}

// `<<: *defaults` merges a map, as the `yaml` package does with its `merge` option.
const MERGE_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

// An anchor whose value is still being read: an alias to it would be inside what it repeats.
const OPEN: Size = { weight: Number.POSITIVE_INFINITY, depth: Number.POSITIVE_INFINITY };

/**
 * The document as plain values when it is plainly within the limits, else undefined: then the
 * `yaml` package reads it again to say exactly what is wrong and where. `js-yaml` reads a file of
 * 100,000 monitors about ten times faster than `yaml` builds its document, which a file that is
 * read only for its values never needs.
 *
 * Undefined also for anything the two packages might read differently or that needs a position to
 * report: a syntax error, duplicate keys, explicit tags, directives, more than one document, and
 * aliases that repeat more than the limit or nest too deeply. The alias count is an upper bound of
 * the one `parseBoundedYaml` makes (a scalar weighs its source span, which is never shorter than
 * its value), so whatever passes here passes there too.
 */
export function readPlainYaml(text: string, limits: PlainYamlLimits): { value: unknown } | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch {
    return undefined;
  }
  if (!withinLimits(text, events, limits)) return undefined;
  let documents: unknown[];
  try {
    // Merging copies no more than the aliases it merges, which the limits above already count.
    documents = constructFromEvents(events, { source: text, schema: MERGE_SCHEMA, maxTotalMergeKeys: -1 });
  } catch {
    return undefined;
  }
  if (documents.length > 1) return undefined;
  // An empty file, or one of comments only, holds no document; `yaml` reads it as null.
  return { value: documents.length === 0 ? null : (documents[0] ?? null) };
}

/**
 * Measures the document as it would be with aliases expanded, without expanding anything, in one
 * pass over the parser's events: what an alias repeats is the weight (one per value plus its
 * length) and depth of the value its anchor names.
 */
function withinLimits(text: string, events: readonly Event[], { maxRepeated, maxDepth }: PlainYamlLimits): boolean {
  const anchors = new Map<string, Size>();
  const stack: Frame[] = [];
  let documents = 0;
  let repeated = 0;
  const add = (size: Size) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    parent.weight += size.weight;
    parent.depth = Math.max(parent.depth, size.depth + 1);
  };
  // The document frame does not count as a level; its first collection is level 1.
  const level = () => stack.length;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return false;
        stack.push({ weight: 0, depth: 0, anchor: null });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (event.tagStart >= 0 || level() > maxDepth) return false;
        const anchor = event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : null;
        if (anchor !== null) anchors.set(anchor, OPEN);
        stack.push({ weight: 1, depth: 1, anchor });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.tagStart >= 0 || level() > maxDepth) return false;
        const size = { weight: 1 + Math.max(0, event.valueEnd - event.valueStart), depth: 1 };
        if (event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), size);
        add(size);
        break;
      }
      case EVENT_ID.ALIAS: {
        const size = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        if (!size || size === OPEN) return false;
        repeated += size.weight;
        if (repeated > maxRepeated || level() - 1 + size.depth > maxDepth) return false;
        add(size);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (!frame || stack.length === 0) break;
        if (frame.anchor !== null) anchors.set(frame.anchor, { weight: frame.weight, depth: frame.depth });
        add(frame);
        break;
      }
    }
  }
  return true;
}
