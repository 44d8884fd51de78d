/** Production secrets that pass the settings' checks (long, not placeholders): fixed, so a test's failure reads the same every run. */
const strong = (n: number) => `s3cure-${n}-Qm9vQmFyQmF6UXV4`;

export const PRODUCTION_SECRETS = {
  APP_KEYS: `${strong(1)},${strong(2)}`,
  API_TOKEN_SALT: strong(3),
  ADMIN_JWT_SECRET: strong(4),
  TRANSFER_TOKEN_SALT: strong(5),
  JWT_SECRET: strong(6),
  ENCRYPTION_KEY: strong(7),
};
