// First: on an older Node it stops here, with one line naming the version needed (dist/bin/ once built).
import '../../bin/node-version';
import { prepareEnvironment } from '@app/config';
import { serveHttpApplication } from '@app/health';
import { useAppLogger } from '@app/observability';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fakeBitbucketConfig } from './fake-bitbucket.config';
import { FAKE_BITBUCKET_CONFIGS } from './fake-bitbucket.configs';
import { FakeBitbucketModule } from './fake-bitbucket.module';

async function bootstrap(): Promise<void> {
  prepareEnvironment(FAKE_BITBUCKET_CONFIGS);
  const app = await NestFactory.create<NestExpressApplication>(FakeBitbucketModule, {
    bufferLogs: true,
    abortOnError: false,
    forceCloseConnections: true,
  });
  useAppLogger(app);
  app.disable('x-powered-by');
  await serveHttpApplication(
    app,
    app.get<ConfigType<typeof fakeBitbucketConfig>>(fakeBitbucketConfig.KEY),
    'FakeBitbucket',
  );
}

bootstrap().catch((error: unknown) => {
  new Logger('FakeBitbucket').error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
