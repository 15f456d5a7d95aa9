import { Injectable } from "@nestjs/common";
export class TasksService {
  // ruleid: js-in-process-scheduler
  @Cron("0 * * * *")
  purge() {}
}
