const parse = (version: string): { core: number[]; pre: string | null } | null => {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim());
  if (!match) return null;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ?? null };
};

/**
 * Orders two app versions (`major.minor.patch`, optional `-pre`, which comes before its release): negative,
 * zero or positive like a sort comparator; null when either is not such a version. Our own versions only
 * (package.json), so no range syntax: the `semver` package would be one more dependency for ten lines.
 */
export const compareVersions = (a: string, b: string): number | null => {
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return null;
  for (let i = 0; i < 3; i += 1) {
    const diff = left.core[i]! - right.core[i]!;
    if (diff !== 0) return Math.sign(diff);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === null) return 1;
  if (right.pre === null) return -1;
  return left.pre.localeCompare(right.pre, 'en', { numeric: true }) < 0 ? -1 : 1;
};
