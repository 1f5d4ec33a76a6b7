/** `/rest/api/latest` and `/rest/api/1.0` are the same API in Data Center. */
export const DATACENTER_API_ROOTS = ['rest/api/latest', 'rest/api/1.0'];
