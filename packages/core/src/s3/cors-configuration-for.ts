/** One CORS rule in the JSON format of the S3 console's "Cross-origin resource sharing (CORS)" editor. */
export interface CorsRule {
  AllowedHeaders: string[];
  AllowedMethods: string[];
  AllowedOrigins: string[];
  ExposeHeaders: string[];
  MaxAgeSeconds: number;
}

/**
 * The CORS configuration a user pastes into their bucket's permissions so that a page served
 * from `origin` can list it: read-only methods, and the headers the importer needs to read
 * (`x-amz-bucket-region` lets it correct a wrong region by itself).
 *
 * @example
 * JSON.stringify(corsConfigurationFor(location.origin), null, 2) // show in a copyable <pre>
 */
export function corsConfigurationFor(origin: string): CorsRule[] {
  return [
    {
      AllowedHeaders: ['*'],
      AllowedMethods: ['GET', 'HEAD'],
      AllowedOrigins: [origin],
      ExposeHeaders: ['ETag', 'x-amz-request-id', 'x-amz-bucket-region'],
      MaxAgeSeconds: 3000,
    },
  ];
}
