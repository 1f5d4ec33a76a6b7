import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { ConfigNamespace } from './config-namespace';

/** Root configuration: registers the namespaces an app uses, globally, from the already validated environment. */
@Module({})
export class AppConfigModule {
  static forRoot(definitions: readonly ConfigNamespace[]): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, cache: true, load: [...definitions] })],
      exports: [ConfigModule],
    };
  }
}
