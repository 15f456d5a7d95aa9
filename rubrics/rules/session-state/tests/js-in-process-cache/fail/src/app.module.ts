import { Module } from "@nestjs/common";
import { CacheModule } from "@nestjs/cache-manager";

@Module({
  // ruleid: js-in-process-cache
  imports: [CacheModule.register({ ttl: 5000 })],
})
export class AppModule {}
