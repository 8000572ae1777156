const NEXT_LINK = /<([^>]+)>\s*;\s*rel="?next"?/;

/**
 * The `rel="next"` URL of a paginated Hub response's Link header, if any.
 *
 * @example
 * nextPageUrl(response) // → 'https://huggingface.co/api/jobs/alice?cursor=…' or undefined
 */
export function nextPageUrl(response: Response): string | undefined {
  const link = response.headers.get('Link');
  return link ? NEXT_LINK.exec(link)?.[1] : undefined;
}
