export { authConfig } from './auth.config';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
