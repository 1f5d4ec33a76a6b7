import { defineConfig, env } from '@app/config';

export const loggingConfig = defineConfig({
  namespace: 'logging',
  title: 'Logging',
  variables: {
    LOG_LEVEL: env.oneOf(['error', 'warn', 'info', 'debug', 'verbose'], {
      default: 'info',
      description: 'Most detailed level written.',
    }),
    LOG_FORMAT: env.oneOf(['json', 'pretty'], {
      default: 'json',
      description: 'Console format: one JSON object per line for collectors, or coloured text for people.',
    }),
    LOG_DIR: env.string({
      description: 'Directory for rotated JSON log files; unset writes to the console only.',
      example: '/var/log/bitbucket-mcp',
    }),
    LOG_DATE_PATTERN: env.string({
      default: 'YYYY-MM-DD-HH',
      description: 'moment.js date pattern of the rotated file names; a new file starts when it changes.',
    }),
    LOG_MAX_SIZE: env.string({
      default: '20m',
      description: 'Size at which a log file is rotated early (k, m or g suffix).',
    }),
    LOG_MAX_FILES: env.string({
      default: '14d',
      description: 'How many rotated files to keep: a count, or days with a d suffix.',
    }),
    LOG_ZIPPED: env.boolean({ default: true, description: 'Gzip rotated log files.' }),
  },
  map: (v) => ({
    level: v.LOG_LEVEL,
    format: v.LOG_FORMAT,
    directory: v.LOG_DIR,
    datePattern: v.LOG_DATE_PATTERN,
    maxSize: v.LOG_MAX_SIZE,
    maxFiles: v.LOG_MAX_FILES,
    zipped: v.LOG_ZIPPED,
  }),
});
