import { bitbucketConfig } from '@app/bitbucket';
import type { RawEnvironment } from '@app/config';
import { AppI18nModule, i18nConfig } from '@app/i18n';
import { McpModule, mcpConfig } from '@app/mcp';
import { ToolsModule } from '@app/tools';
import { Module, type DynamicModule } from '@nestjs/common';

/**
 * The MCP core with the Bitbucket tools, wired as the servers wire them, but configured from an
 * explicit environment: the reference must not depend on the shell that generates it.
 */
@Module({})
export class ToolCatalogueModule {
  static forEnvironment(source: RawEnvironment): DynamicModule {
    const configs = [bitbucketConfig, i18nConfig, mcpConfig].map((config) => ({
      provide: config.KEY,
      useValue: config.resolve(source),
    }));
    return {
      module: ToolCatalogueModule,
      // The libs' modules inject their namespace by token, as they would from the root's ConfigModule.
      global: true,
      imports: [AppI18nModule, McpModule.register({ imports: [ToolsModule] })],
      providers: configs,
      exports: configs.map((config) => config.provide),
    };
  }
}
