import { CacheModule } from "@nestjs/cache-manager";
import { redisStore } from "cache-manager-redis-yet";
export const cache = CacheModule.registerAsync({ useFactory: async () => ({ store: await redisStore() }) });
