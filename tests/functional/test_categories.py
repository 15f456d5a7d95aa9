"""Every rule category fires in every language where the concept exists, in a small real app.

The matrix of (category, language) cells comes from the rules' own metadata: a cell exists when
some containerization rule of the category lists the language. Each cell has an app below, made
on disk in the test and scanned with the bundled rules; a cell without an app fails the test.
Each app also has a twin in which the offending line is commented out: it must report nothing
of that category (a pattern in a comment never matches).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from assess.model import Assessment, Dimension
from assess.pipeline import Toolkit, load_toolkit, scan
from assess.rules.loader import load_rules
from assess.source.languages import language_for_name

RULES = {item.rule.id: item.rule for item in load_rules()}
MATRIX = sorted(
    {
        (rule.category, language)
        for rule in RULES.values()
        if rule.dimension is Dimension.CONTAINERIZATION
        for language in rule.languages
    }
)


@dataclass(frozen=True)
class App:
    """A small app: ``code`` at ``path`` holds ``site`` first on the line the ``rule`` must
    report; the commented twin comments out every line that holds ``site``."""

    rule: str
    path: str
    code: str
    site: str
    extra: dict[str, str] = field(default_factory=dict)

    def files(self, *, commented: bool = False) -> dict[str, str]:
        code = textwrap.dedent(self.code).lstrip("\n")
        if commented:
            token = "#" if language_for_name(self.path) in ("python", "ruby") else "//"
            code = "".join(
                f"{token} {line}" if self.site in line else line for line in code.splitlines(keepends=True)
            )
        return {self.path: code, **self.extra}

    def line(self) -> int:
        code = textwrap.dedent(self.code).lstrip("\n").splitlines()
        return next(number for number, text in enumerate(code, start=1) if self.site in text)


PACKAGE_JSON = '{"name": "shop", "version": "1.0.0", "dependencies": {"express": "^4.19.2", "express-session": "^1.18.0"}}\n'

APPS: dict[tuple[str, str], App] = {
    # ------------------------------------------------------------------ configuration
    ("configuration", "java"): App(
        "hardcoded-localhost-url",
        "src/main/java/com/acme/shop/PricingClient.java",
        """
        package com.acme.shop;

        public class PricingClient {
            private final String baseUrl = "http://localhost:8081/prices";

            public String baseUrl() {
                return baseUrl;
            }
        }
        """,
        "http://localhost:8081",
    ),
    ("configuration", "csharp"): App(
        "hardcoded-ip-address",
        "Services/LedgerClient.cs",
        """
        namespace Acme.Ledger.Services
        {
            public class LedgerClient
            {
                private const string LedgerHost = "10.20.30.40";

                public string Host() => LedgerHost;
            }
        }
        """,
        "10.20.30.40",
    ),
    ("configuration", "python"): App(
        "hardcoded-service-host",
        "shop/db.py",
        """
        import psycopg

        DATABASE_URL = "postgresql://shop@db01.acme.corp:5432/shop"


        def connect():
            return psycopg.connect(DATABASE_URL)
        """,
        "db01.acme.corp",
    ),
    ("configuration", "javascript"): App(
        "fixed-bind-address",
        "src/server.js",
        """
        const express = require("express");

        const app = express();
        app.get("/", (req, res) => res.send("ok"));
        app.listen(3000, "127.0.0.1");
        """,
        "app.listen",
    ),
    ("configuration", "typescript"): App(
        "hardcoded-localhost-url",
        "src/client.ts",
        """
        export async function fetchStock(sku: string): Promise<number> {
          const response = await fetch(`http://localhost:4000/stock/${sku}`);
          return (await response.json()).count as number;
        }
        """,
        "http://localhost:4000",
    ),
    ("configuration", "go"): App(
        "privileged-port",
        "cmd/web/main.go",
        """
        package main

        import "net/http"

        func main() {
        \thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
        \thttp.ListenAndServe(":80", nil)
        }
        """,
        "ListenAndServe",
    ),
    ("configuration", "ruby"): App(
        "hardcoded-secret-in-code",
        "app/services/payment_gateway.rb",
        """
        class PaymentGateway
          API_TOKEN = "9f8e7d6c5b4a3f2e1d0c"

          def headers
            { "Authorization" => "Bearer #{API_TOKEN}" }
          end
        end
        """,
        "API_TOKEN = ",
    ),
    ("configuration", "php"): App(
        "hardcoded-localhost-url",
        "app/Services/StockClient.php",
        """
        <?php

        namespace App\\Services;

        class StockClient
        {
            private string $base = "http://localhost:8000/api/stock";

            public function base(): string
            {
                return $this->base;
            }
        }
        """,
        "http://localhost:8000",
    ),
    # ------------------------------------------------------------------ local state
    ("local-state", "java"): App(
        "java-local-file-write",
        "src/main/java/com/acme/shop/OrderExport.java",
        """
        package com.acme.shop;

        import java.io.FileWriter;
        import java.io.IOException;

        public class OrderExport {
            public void export(String csv) throws IOException {
                try (FileWriter writer = new FileWriter("exports/orders.csv")) {
                    writer.write(csv);
                }
            }
        }
        """,
        "new FileWriter",
    ),
    ("local-state", "csharp"): App(
        "csharp-local-file-write",
        "Services/OrderExport.cs",
        """
        using System.IO;

        namespace Acme.Shop.Services
        {
            public class OrderExport
            {
                public void Export(string csv)
                {
                    File.WriteAllText("exports/orders.csv", csv);
                }
            }
        }
        """,
        "File.WriteAllText",
    ),
    ("local-state", "python"): App(
        "python-local-file-write",
        "shop/export.py",
        """
        def export(csv):
            with open("exports/orders.csv", "w") as handle:
                handle.write(csv)
        """,
        'open("exports',
    ),
    ("local-state", "javascript"): App(
        "js-local-file-write",
        "src/export.js",
        """
        const fs = require("fs");

        function exportOrders(csv) {
          fs.writeFileSync("exports/orders.csv", csv);
        }

        module.exports = { exportOrders };
        """,
        "fs.writeFileSync",
    ),
    ("local-state", "typescript"): App(
        "absolute-host-path",
        "src/uploads.ts",
        """
        export function uploadFolder(): string {
          const folder: string = "/home/deploy/uploads/";
          return folder;
        }
        """,
        "/home/deploy",
    ),
    ("local-state", "go"): App(
        "go-local-file-write",
        "internal/export/export.go",
        """
        package export

        import "os"

        func Orders(csv []byte) error {
        \treturn os.WriteFile("exports/orders.csv", csv, 0o644)
        }
        """,
        "os.WriteFile",
    ),
    ("local-state", "ruby"): App(
        "ruby-local-file-write",
        "app/services/order_export.rb",
        """
        class OrderExport
          def call(csv)
            File.write("exports/orders.csv", csv)
          end
        end
        """,
        "File.write",
    ),
    ("local-state", "php"): App(
        "php-local-file-write",
        "app/Services/OrderExport.php",
        """
        <?php

        namespace App\\Services;

        class OrderExport
        {
            public function export(string $csv): void
            {
                file_put_contents("exports/orders.csv", $csv);
            }
        }
        """,
        "file_put_contents",
    ),
    # ------------------------------------------------------------------ logging
    ("logging", "java"): App(
        "java-log-to-file",
        "src/main/java/com/acme/shop/Logs.java",
        """
        package com.acme.shop;

        import java.io.IOException;
        import java.util.logging.FileHandler;
        import java.util.logging.Logger;

        public class Logs {
            public static Logger create() throws IOException {
                Logger logger = Logger.getLogger("shop");
                logger.addHandler(new FileHandler("logs/shop.log"));
                return logger;
            }
        }
        """,
        "new FileHandler",
    ),
    ("logging", "csharp"): App(
        "csharp-log-to-file",
        "Program.cs",
        """
        using Serilog;

        Log.Logger = new LoggerConfiguration()
            .WriteTo.File("logs/shop.log")
            .CreateLogger();
        Log.Information("started");
        """,
        ".WriteTo.File",
    ),
    ("logging", "python"): App(
        "python-log-to-file",
        "shop/logs.py",
        """
        import logging

        logger = logging.getLogger("shop")
        logger.addHandler(logging.FileHandler("logs/shop.log"))
        """,
        "FileHandler",
    ),
    ("logging", "javascript"): App(
        "js-log-to-file",
        "src/logger.js",
        """
        const winston = require("winston");

        module.exports = winston.createLogger({
          transports: [new winston.transports.File({ filename: "logs/shop.log" })],
        });
        """,
        "transports.File",
    ),
    ("logging", "typescript"): App(
        "js-log-to-file",
        "src/logger.ts",
        """
        import pino from "pino";

        export const logger = pino(pino.destination("./logs/shop.log"));
        """,
        "pino.destination",
    ),
    ("logging", "go"): App(
        "go-log-to-file",
        "cmd/web/logs.go",
        """
        package main

        import (
        \t"log"
        \t"os"
        )

        func setupLogs() {
        \tlogFile, _ := os.OpenFile(os.DevNull, os.O_RDONLY, 0)
        \tlog.SetOutput(logFile)
        }
        """,
        "log.SetOutput",
    ),
    ("logging", "ruby"): App(
        "ruby-log-to-file",
        "lib/shop_logger.rb",
        """
        require "logger"

        SHOP_LOGGER = Logger.new("log/shop.log")
        """,
        "Logger.new",
    ),
    ("logging", "php"): App(
        "php-log-to-file",
        "app/Logging.php",
        """
        <?php

        use Monolog\\Handler\\StreamHandler;
        use Monolog\\Logger;

        $logger = new Logger("shop");
        $logger->pushHandler(new StreamHandler(__DIR__ . "/../storage/shop.log"));
        """,
        "new StreamHandler",
    ),
    # ------------------------------------------------------------------ middleware
    ("middleware", "java"): App(
        "java-rmi",
        "src/main/java/com/acme/shop/Registry.java",
        """
        package com.acme.shop;

        public class Registry {
            public static void start() throws Exception {
                java.rmi.registry.LocateRegistry.createRegistry(1099);
            }
        }
        """,
        "LocateRegistry.createRegistry",
    ),
    ("middleware", "csharp"): App(
        "msmq-queue",
        "Services/OrderQueue.cs",
        """
        namespace Acme.Shop.Services
        {
            public class OrderQueue
            {
                public object Open()
                {
                    return new System.Messaging.MessageQueue(@".\\private$\\orders");
                }
            }
        }
        """,
        "MessageQueue(",
    ),
    ("middleware", "python"): App(
        "smtp-fixed-host",
        "shop/mail.py",
        """
        import smtplib


        def send(message):
            with smtplib.SMTP("mail.acme.corp", 25) as server:
                server.send_message(message)
        """,
        "smtplib.SMTP(",
    ),
    ("middleware", "javascript"): App(
        "raw-socket-listener",
        "src/feed.js",
        """
        const net = require("net");

        const server = net.createServer((socket) => socket.end("ok"));
        server.listen(7000);
        """,
        "net.createServer",
    ),
    ("middleware", "typescript"): App(
        "multicast-networking",
        "src/discovery.ts",
        """
        import type { Socket } from "dgram";

        export function join(socket: Socket, group: string): void {
          socket.addMembership(group);
        }
        """,
        "addMembership",
    ),
    ("middleware", "go"): App(
        "raw-socket-listener",
        "cmd/feed/main.go",
        """
        package main

        import "net"

        func main() {
        \tlistener, err := net.Listen("tcp", ":7000")
        \tif err != nil {
        \t\tpanic(err)
        \t}
        \tdefer listener.Close()
        }
        """,
        "net.Listen",
    ),
    ("middleware", "ruby"): App(
        "raw-socket-listener",
        "lib/feed_server.rb",
        """
        require "socket"

        class FeedServer
          def start
            TCPServer.new(7000)
          end
        end
        """,
        "TCPServer.new",
    ),
    ("middleware", "php"): App(
        "raw-socket-listener",
        "server/feed.php",
        """
        <?php

        $server = stream_socket_server("tcp://0.0.0.0:7000", $errno, $error);
        fclose($server);
        """,
        "stream_socket_server",
    ),
    # ------------------------------------------------------------------ native and OS coupling
    ("native-os", "java"): App(
        "java-jni-jna",
        "src/main/java/com/acme/shop/Scanner.java",
        """
        package com.acme.shop;

        public class Scanner {
            static {
                System.loadLibrary("barcode");
            }

            public native String read();
        }
        """,
        "System.loadLibrary",
    ),
    ("native-os", "csharp"): App(
        "csharp-pinvoke",
        "Interop/NativeMethods.cs",
        """
        using System.Runtime.InteropServices;

        namespace Acme.Shop.Interop
        {
            internal static class NativeMethods
            {
                [DllImport("user32.dll")]
                internal static extern int MessageBeep(uint type);
            }
        }
        """,
        "[DllImport",
    ),
    ("native-os", "python"): App(
        "python-native-ffi",
        "shop/barcode.py",
        """
        import ctypes

        LIBRARY = "libbarcode.so"
        """,
        "import ctypes",
    ),
    ("native-os", "javascript"): App(
        "js-child-process",
        "src/thumbnails.js",
        """
        const childProcess = require("child_process");

        function thumbnail(path) {
          return childProcess.execSync(`convert ${path} -resize 64x64 thumb.png`);
        }

        module.exports = { thumbnail };
        """,
        "childProcess.execSync",
    ),
    ("native-os", "typescript"): App(
        "js-child-process",
        "src/thumbnails.ts",
        """
        import { spawnSync } from "child_process";

        export function thumbnail(path: string): void {
          spawnSync("convert", [path, "-resize", "64x64", "thumb.png"]);
        }
        """,
        "spawnSync(",
    ),
    ("native-os", "go"): App(
        "go-exec-command",
        "internal/thumbs/thumbs.go",
        """
        package thumbs

        import "os/exec"

        func Make(path string) error {
        \treturn exec.Command("convert", path, "thumb.png").Run()
        }
        """,
        "exec.Command",
    ),
    ("native-os", "ruby"): App(
        "ruby-shell-exec",
        "app/services/thumbnailer.rb",
        """
        class Thumbnailer
          def call(path)
            system("convert", path, "thumb.png")
          end
        end
        """,
        "system(",
    ),
    ("native-os", "php"): App(
        "php-shell-exec",
        "app/Services/Thumbnailer.php",
        """
        <?php

        namespace App\\Services;

        class Thumbnailer
        {
            public function make(string $path): string
            {
                return shell_exec("convert " . escapeshellarg($path) . " thumb.png");
            }
        }
        """,
        "shell_exec",
    ),
    # ------------------------------------------------------------------ packaging and runtime
    ("packaging", "java"): App(
        "desktop-ui-toolkit",
        "src/main/java/com/acme/shop/MainWindow.java",
        """
        package com.acme.shop;

        import javax.swing.JFrame;

        public class MainWindow {
            public static void main(String[] args) {
                System.out.println("till");
            }
        }
        """,
        "javax.swing",
    ),
    ("packaging", "csharp"): App(
        "desktop-ui-toolkit",
        "MainForm.cs",
        """
        using System.Windows.Forms;

        namespace Acme.Till
        {
            public class MainForm
            {
            }
        }
        """,
        "System.Windows.Forms",
    ),
    ("packaging", "python"): App(
        "desktop-ui-toolkit",
        "till/app.py",
        """
        import tkinter

        TITLE = "Till"
        """,
        "import tkinter",
    ),
    ("packaging", "javascript"): App(
        "desktop-ui-toolkit",
        "main.js",
        """
        const { app } = require("electron");

        app.whenReady();
        """,
        'require("electron")',
    ),
    ("packaging", "typescript"): App(
        "hardware-device-access",
        "src/scale.ts",
        """
        import { SerialPort } from "serialport";

        export const scale = { baudRate: 9600 };
        """,
        '"serialport"',
    ),
    ("packaging", "go"): App(
        "desktop-ui-toolkit",
        "cmd/till/main.go",
        """
        package main

        import "fyne.io/fyne/v2/app"

        func main() {
        \tapp.New().Run()
        }
        """,
        "fyne.io",
    ),
    ("packaging", "ruby"): App(
        "hardware-device-access",
        "lib/scale.rb",
        """
        require "serialport"

        class Scale
        end
        """,
        'require "serialport"',
    ),
    ("packaging", "php"): App(
        "hardware-device-access",
        "devices/scale.php",
        """
        <?php

        $port = dio_open("/dev/ttyS0", O_RDWR);
        """,
        "dio_open",
    ),
    # ------------------------------------------------------------------ scheduling
    ("scheduling", "java"): App(
        "java-scheduled-task",
        "src/main/java/com/acme/shop/Cleanup.java",
        """
        package com.acme.shop;

        import org.springframework.scheduling.annotation.Scheduled;

        public class Cleanup {
            @Scheduled(fixedRate = 60000)
            public void purge() {
            }
        }
        """,
        "@Scheduled",
    ),
    ("scheduling", "csharp"): App(
        "csharp-in-process-scheduler",
        "Jobs/Cleanup.cs",
        """
        using Hangfire;

        namespace Acme.Shop.Jobs
        {
            public static class Cleanup
            {
                public static void Register()
                {
                    RecurringJob.AddOrUpdate("purge", () => Purge(), Cron.Daily);
                }

                public static void Purge()
                {
                }
            }
        }
        """,
        "RecurringJob.AddOrUpdate",
    ),
    ("scheduling", "python"): App(
        "python-in-process-scheduler",
        "shop/jobs.py",
        """
        from apscheduler.schedulers.background import BackgroundScheduler

        INTERVAL_MINUTES = 5
        """,
        "from apscheduler",
    ),
    ("scheduling", "javascript"): App(
        "js-in-process-scheduler",
        "src/jobs.js",
        """
        const cron = require("node-cron");

        cron.schedule("*/5 * * * *", () => undefined);
        """,
        "cron",
    ),
    ("scheduling", "typescript"): App(
        "js-in-process-scheduler",
        "src/jobs.ts",
        """
        import { CronJob } from "cron";

        export const purge = new CronJob("0 * * * *", () => undefined);
        """,
        "CronJob",
    ),
    ("scheduling", "go"): App(
        "go-in-process-scheduler",
        "internal/jobs/jobs.go",
        """
        package jobs

        import "github.com/robfig/cron/v3"

        func Start() {
        \tc := cron.New()
        \tc.Start()
        }
        """,
        "robfig/cron",
    ),
    ("scheduling", "ruby"): App(
        "ruby-in-process-scheduler",
        "config/initializers/scheduler.rb",
        """
        SCHEDULER = Rufus::Scheduler.new
        SCHEDULER.every "5m" do
          nil
        end
        """,
        "Rufus::Scheduler.new",
    ),
    ("scheduling", "php"): App(
        "php-in-process-scheduler",
        "app/Console/Kernel.php",
        """
        <?php

        namespace App\\Console;

        class Kernel
        {
            protected function schedule($schedule): void
            {
                $schedule->command("reports:send")->daily();
            }
        }
        """,
        '$schedule->command("reports',
    ),
    # ------------------------------------------------------------------ session and in-memory state
    ("session-state", "java"): App(
        "java-http-session-state",
        "src/main/java/com/acme/shop/CartServlet.java",
        """
        package com.acme.shop;

        import javax.servlet.http.HttpServletRequest;

        public class CartServlet {
            public void add(HttpServletRequest request, Object cart) {
                request.getSession().setAttribute("cart", cart);
            }
        }
        """,
        "setAttribute",
    ),
    ("session-state", "csharp"): App(
        "csharp-in-memory-cache",
        "Startup.cs",
        """
        using Microsoft.Extensions.DependencyInjection;

        namespace Acme.Shop
        {
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddMemoryCache();
                }
            }
        }
        """,
        "AddMemoryCache",
    ),
    ("session-state", "python"): App(
        "python-django-local-session",
        "shop/settings.py",
        """
        SESSION_ENGINE = "django.contrib.sessions.backends.file"
        SESSION_COOKIE_AGE = 3600
        """,
        "SESSION_ENGINE",
    ),
    ("session-state", "javascript"): App(
        "js-express-session-memory-store",
        "src/app.js",
        """
        const express = require("express");
        const session = require("express-session");

        const app = express();
        app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
        """,
        "app.use(session",
        {"package.json": PACKAGE_JSON},
    ),
    ("session-state", "typescript"): App(
        "js-in-process-cache",
        "src/cache.ts",
        """
        import NodeCache from "node-cache";

        export const ttlSeconds = 60;
        """,
        '"node-cache"',
    ),
    ("session-state", "go"): App(
        "go-in-process-cache",
        "internal/cache/cache.go",
        """
        package cache

        import gocache "github.com/patrickmn/go-cache"

        var _ = gocache.NoExpiration
        """,
        "patrickmn/go-cache",
    ),
    ("session-state", "ruby"): App(
        "ruby-rails-local-cache-store",
        "config/environments/production.rb",
        """
        Rails.application.configure do
          config.cache_store = :memory_store
        end
        """,
        ":memory_store",
    ),
    ("session-state", "php"): App(
        "php-file-session",
        "public/cart.php",
        """
        <?php

        session_start();
        $_SESSION["cart"] = [];
        """,
        "session_start",
    ),
}


@pytest.fixture(scope="module")
def toolkit() -> Toolkit:
    return load_toolkit()


def _assess(make_app: Callable[..., Path], toolkit: Toolkit, files: dict[str, str]) -> Assessment:
    return scan(make_app(files), toolkit=toolkit)


def test_every_cell_of_the_matrix_has_an_app() -> None:
    assert len(MATRIX) >= 60
    assert sorted(APPS) == MATRIX, "a (category, language) cell has no app, or an app no cell"


@pytest.mark.parametrize(("category", "language"), MATRIX)
def test_the_app_is_what_the_cell_says(category: str, language: str) -> None:
    app = APPS[(category, language)]
    rule = RULES[app.rule]
    assert rule.category == category
    assert language in rule.languages
    assert language_for_name(app.path) == language


@pytest.mark.parametrize(("category", "language"), MATRIX)
def test_category_fires_in_language(
    category: str, language: str, make_app: Callable[..., Path], toolkit: Toolkit
) -> None:
    app = APPS[(category, language)]
    found = _assess(make_app, toolkit, app.files()).findings
    sites = {(f.rule_id, f.file, f.line) for f in found if f.category == category}
    assert (app.rule, app.path, app.line()) in sites


@pytest.mark.parametrize(("category", "language"), MATRIX)
def test_the_same_line_in_a_comment_is_silent(
    category: str, language: str, make_app: Callable[..., Path], toolkit: Toolkit
) -> None:
    app = APPS[(category, language)]
    found = _assess(make_app, toolkit, app.files(commented=True)).findings
    assert [(f.rule_id, f.line) for f in found if f.category == category and f.file == app.path] == []


# ---------------------------------------------------------------------- temp dirs, sites, caps

TEMP_WRITES: dict[str, App] = {
    "python": App(
        "python-local-file-write",
        "shop/export.py",
        """
        import os
        import tempfile


        def export(csv):
            with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as scratch:
                scratch.write(csv)
            with open(os.path.join(tempfile.gettempdir(), "orders.csv"), "w") as handle:
                handle.write(csv)
            work = tempfile.mkdtemp()
            with open(os.path.join(work, "orders.csv"), "w") as handle:
                handle.write(csv)
            with open("exports/orders.csv", "w") as handle:
                handle.write(csv)
        """,
        'open("exports',
    ),
    "java": App(
        "java-local-file-write",
        "src/main/java/com/acme/shop/OrderExport.java",
        """
        package com.acme.shop;

        import java.io.FileWriter;
        import java.io.IOException;
        import java.nio.file.Files;
        import java.nio.file.Path;

        public class OrderExport {
            public void export(String csv) throws IOException {
                Path scratch = Files.createTempFile("orders-", ".csv");
                Files.writeString(scratch, csv);
                Files.writeString(Files.createTempFile("orders-", ".csv"), csv);
                try (FileWriter writer = new FileWriter("exports/orders.csv")) {
                    writer.write(csv);
                }
            }
        }
        """,
        "new FileWriter",
    ),
    "javascript": App(
        "js-local-file-write",
        "src/export.js",
        """
        const fs = require("fs");
        const os = require("os");
        const path = require("path");

        function exportOrders(csv) {
          fs.writeFileSync(path.join(os.tmpdir(), "orders.csv"), csv);
          const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "orders-"));
          fs.writeFileSync(path.join(scratch, "orders.csv"), csv);
          fs.writeFileSync("exports/orders.csv", csv);
        }

        module.exports = { exportOrders };
        """,
        'fs.writeFileSync("exports',
    ),
    "typescript": App(
        "js-local-file-write",
        "src/export.ts",
        """
        import { tmpdir } from "os";
        import { join } from "path";
        import { writeFileSync } from "fs";

        export function exportOrders(csv: string): void {
          const scratchDir = tmpdir();
          writeFileSync(join(scratchDir, "orders.csv"), csv);
          writeFileSync(join(tmpdir(), "orders.csv"), csv);
          writeFileSync("exports/orders.csv", csv);
        }
        """,
        'writeFileSync("exports',
    ),
    "csharp": App(
        "csharp-local-file-write",
        "Services/OrderExport.cs",
        """
        using System.IO;

        namespace Acme.Shop.Services
        {
            public class OrderExport
            {
                public void Export(string csv)
                {
                    File.WriteAllText(Path.Combine(Path.GetTempPath(), "orders.csv"), csv);
                    var scratch = Path.GetTempFileName();
                    File.WriteAllText(scratch, csv);
                    File.WriteAllText("exports/orders.csv", csv);
                }
            }
        }
        """,
        'File.WriteAllText("exports',
    ),
    "go": App(
        "go-local-file-write",
        "internal/export/export.go",
        """
        package export

        import (
        \t"os"
        \t"path/filepath"
        )

        func Orders(csv []byte) error {
        \tif err := os.WriteFile(filepath.Join(os.TempDir(), "orders.csv"), csv, 0o600); err != nil {
        \t\treturn err
        \t}
        \tscratch, err := os.MkdirTemp("", "orders-")
        \tif err != nil {
        \t\treturn err
        \t}
        \tif err := os.WriteFile(filepath.Join(scratch, "orders.csv"), csv, 0o600); err != nil {
        \t\treturn err
        \t}
        \treturn os.WriteFile("exports/orders.csv", csv, 0o644)
        }
        """,
        'os.WriteFile("exports',
    ),
    "ruby": App(
        "ruby-local-file-write",
        "app/services/order_export.rb",
        """
        require "tmpdir"

        class OrderExport
          def call(csv)
            File.write(File.join(Dir.tmpdir, "orders.csv"), csv)
            Dir.mktmpdir do |scratch|
              File.write(File.join(scratch, "orders.csv"), csv)
            end
            File.write("exports/orders.csv", csv)
          end
        end
        """,
        'File.write("exports',
    ),
    "php": App(
        "php-local-file-write",
        "app/Services/OrderExport.php",
        """
        <?php

        namespace App\\Services;

        class OrderExport
        {
            public function export(string $csv): void
            {
                file_put_contents(sys_get_temp_dir() . "/orders.csv", $csv);
                $scratch = tempnam(sys_get_temp_dir(), "orders");
                file_put_contents($scratch, $csv);
                file_put_contents("exports/orders.csv", $csv);
            }
        }
        """,
        'file_put_contents("exports',
    ),
}


@pytest.mark.parametrize("language", sorted(TEMP_WRITES))
def test_writes_under_the_temp_dir_are_not_local_state(
    language: str, make_app: Callable[..., Path], toolkit: Toolkit
) -> None:
    """Writes to paths from the language's temp-dir API (directly or through a variable) are not
    reported; the one write to a real folder in the same file is."""
    app = TEMP_WRITES[language]
    found = _assess(make_app, toolkit, app.files()).findings
    assert [(f.file, f.line) for f in found if f.rule_id == app.rule] == [(app.path, app.line())]


def test_every_local_write_rule_has_a_temp_dir_case() -> None:
    writers = {rule.id for rule in RULES.values() if rule.id.endswith("-local-file-write")}
    assert writers == {app.rule for app in TEMP_WRITES.values()}


def test_one_finding_per_site_not_per_hit(make_app: Callable[..., Path], toolkit: Toolkit) -> None:
    """Two hits on one line (two calls, two literals, two conditions of one rule) are one finding."""
    code = (
        "import subprocess\n"
        "\n"
        'URLS = ["http://localhost:8080/a", "http://localhost:8080/b"]\n'
        'subprocess.run(["make"]); subprocess.call(["make", "install"])\n'
        'open("a.csv", "w").write(open("b.csv", "a").name)\n'
    )
    found = _assess(make_app, toolkit, {"tool/build.py": code}).findings
    sites = sorted((f.rule_id, f.line) for f in found if f.severity.value != "booster")
    assert sites == [
        ("hardcoded-localhost-url", 3),
        ("python-local-file-write", 5),
        ("python-shell-exec", 4),
    ]


def test_caps_per_file_and_per_app_hold_on_real_code(make_app: Callable[..., Path], toolkit: Toolkit) -> None:
    """A noisy pattern cannot flood a report: the bundled rules' caps hold on parsed code."""
    shell = RULES["python-shell-exec"]
    ips = RULES["hardcoded-ip-address"]
    tracing = RULES["distributed-tracing"]
    assert shell.max_per_file and ips.max_per_file and tracing.max_per_app
    calls = "".join(f'subprocess.run(["step{n}"])\n' for n in range(shell.max_per_file + 5))
    literals = "".join(f'HOST_{n} = "10.1.{n}.7"\n' for n in range(ips.max_per_file + 5))
    files = {
        "jobs/steps.py": f"import subprocess\n{calls}",
        "jobs/hosts.py": literals,
        **{f"jobs/traced_{n}.py": "import opentelemetry.trace\n" for n in range(tracing.max_per_app + 3)},
    }
    found = _assess(make_app, toolkit, files).findings
    count = {rule: sum(1 for f in found if f.rule_id == rule) for rule in (shell.id, ips.id, tracing.id)}
    assert count == {shell.id: shell.max_per_file, ips.id: ips.max_per_file, tracing.id: tracing.max_per_app}
    first = [f.line for f in found if f.rule_id == shell.id]
    assert first == list(range(2, 2 + shell.max_per_file))  # the first sites in line order are kept


# ---------------------------------------------------------------------- the bundled samples

SAMPLES = Path(__file__).resolve().parents[2] / "sample_repos"


def _sample_rules(section: str) -> set[str]:
    found: set[str] = set()
    for expected in SAMPLES.glob("*/expected.yaml"):
        data = yaml.safe_load(expected.read_text(encoding="utf-8")) or {}
        found.update(item["rule"] for item in data.get(section) or [])
    return found


def test_every_category_fires_in_some_sample_and_has_a_trap_in_one() -> None:
    """tests/functional/test_samples.py proves each sample reports exactly its ``findings`` and
    none of its ``traps``; here, those lists cover every category of the catalogue."""
    categories = {category for category, _ in MATRIX}
    fired = {RULES[rule].category for rule in _sample_rules("findings") if rule in RULES}
    trapped = {RULES[rule].category for rule in _sample_rules("traps") if rule in RULES}
    assert categories - fired == set()
    assert categories - trapped == set()
