export type BitbucketFlavor = 'cloud' | 'datacenter';

/** Cloud lives on api.bitbucket.org/2.0; anything else is a Data Center base URL. */
export function detectBitbucketFlavor(baseUrl: string): BitbucketFlavor {
  const url = new URL(baseUrl);
  return url.hostname === 'api.bitbucket.org' || /\/2\.0\/?$/.test(url.pathname) ? 'cloud' : 'datacenter';
}
