import { DynamicModule, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WinstonModule } from 'nest-winston';
import { createLoggerOptions } from './logger-options.factory';
import { loggingConfig } from './logging.config';
import type { ObservabilityOptions } from './observability-options';

@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        WinstonModule.forRootAsync({
          inject: [loggingConfig.KEY],
          useFactory: (config: ConfigType<typeof loggingConfig>) => createLoggerOptions(config, options),
        }),
      ],
      exports: [WinstonModule],
    };
  }
}
