#!/usr/bin/env bash
# A private Docker engine and the stand-in base images for tests/docker (issue 6).
#
# Sourced by .ci/run before the test command:  . .ci/docker-setup.sh
#   installs Debian's docker.io and debootstrap when missing, starts a private dockerd with its own
#   data root, exec root, socket and pidfile, exports DOCKER_HOST (and ASSESS_REQUIRE_DOCKER=1, so
#   the docker tests fail instead of skipping), builds the stand-in base images once, and stops the
#   daemon when .ci/run exits (EXIT trap).
# Run by hand (bash .ci/docker-setup.sh) it leaves the daemon running and prints the export line;
# stop it with:  kill "$(cat /var/lib/assess-ci-docker/docker.pid)"
#
# No public image registry is reachable from CI machines, so every FROM of a generated scaffold is
# mapped (tests/docker/standin-images.yaml) to an image made here from Debian packages with
# debootstrap + docker import. Root file systems are cached under /var/cache/assess-standins and the
# engine's data root persists under /var/lib/assess-ci-docker, so a second run takes seconds.
# Idempotent: an engine already answering on the socket is reused (and then left running).

assess_docker_main() {
    local root=${ASSESS_DOCKER_ROOT:-/var/lib/assess-ci-docker}
    local cache=${ASSESS_STANDIN_CACHE:-/var/cache/assess-standins}
    local started=$SECONDS
    local sock="$root/docker.sock"
    export DOCKER_HOST="unix://$sock"

    if [ "$(id -u)" != 0 ]; then
        echo "docker-setup: not root, cannot start a private engine" >&2
        return 1
    fi
    if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            docker.io debootstrap >/dev/null
    fi
    # Debian's client, whatever else is first on PATH.
    local docker=/usr/bin/docker
    [ -x "$docker" ] || docker=docker

    mkdir -p "$root" "$cache"
    if "$docker" version >/dev/null 2>&1; then
        echo "docker-setup: reusing the engine on $DOCKER_HOST"
    elif ! assess_dockerd "$docker" "$root"; then
        # another daemon (the system's) may own the default bridge: run without one; builds use the
        # host network anyway, and the tests then run the containers on it too
        echo "docker-setup: retrying without the default bridge (--bridge=none --iptables=false)"
        assess_dockerd "$docker" "$root" --bridge=none --iptables=false || return 1
    fi

    local mirror
    mirror=$(sed -n 's/^URIs:[[:space:]]*\(.*debian\)[[:space:]]*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    local base_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    local base="$cache/debian-bookworm-minbase.tar"
    # image | Debian packages added to the minbase root | apt target release | PATH
    assess_standin "$docker" "$base" "$mirror" assess-standin/debian:bookworm "" "" "$base_path" || return 1
    assess_standin "$docker" "$base" "$mirror" assess-standin/python:bookworm \
        "python3 python3-venv python3-pip python-is-python3" "" "$base_path" || return 1
    assess_standin "$docker" "$base" "$mirror" assess-standin/node:bookworm \
        "nodejs npm" "" "$base_path" || return 1
    assess_standin "$docker" "$base" "$mirror" assess-standin/golang:bookworm \
        "golang-1.22-go" bookworm-backports "/usr/lib/go-1.22/bin:$base_path" || return 1

    export ASSESS_REQUIRE_DOCKER=1
    echo "docker-setup: ready in $((SECONDS - started)) s (DOCKER_HOST=$DOCKER_HOST)"
}

# assess_dockerd DOCKER ROOT [DOCKERD OPTIONS...]: start the private daemon and wait until it answers.
assess_dockerd() {
    local docker=$1 root=$2
    shift 2
    rm -f "$root/docker.sock"
    dockerd --data-root "$root/data" --exec-root "$root/exec" -H "unix://$root/docker.sock" \
        --pidfile "$root/docker.pid" "$@" >"$root/dockerd.log" 2>&1 &
    ASSESS_DOCKERD_PID=$!
    local waited=0
    until "$docker" version >/dev/null 2>&1; do
        if ! kill -0 "$ASSESS_DOCKERD_PID" 2>/dev/null || [ $waited -ge 60 ]; then
            echo "docker-setup: dockerd did not start; last lines of $root/dockerd.log:" >&2
            tail -n 20 "$root/dockerd.log" >&2
            kill "$ASSESS_DOCKERD_PID" 2>/dev/null || true
            wait "$ASSESS_DOCKERD_PID" 2>/dev/null || true
            ASSESS_DOCKERD_PID=
            return 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
    echo "docker-setup: dockerd $ASSESS_DOCKERD_PID answers on $DOCKER_HOST"
}

# The minbase root file system every stand-in starts from (debootstrap, about 30 s; cached).
assess_minbase() {
    local base=$1 mirror=$2
    [ -s "$base" ] && return 0
    local rootfs
    rootfs=$(mktemp -d /tmp/assess-minbase.XXXXXX)
    if ! debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$mirror" \
        >"$rootfs.log" 2>&1; then
        echo "docker-setup: debootstrap failed:" >&2
        tail -n 20 "$rootfs.log" >&2
        rm -rf "$rootfs" "$rootfs.log"
        return 1
    fi
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -cf "$base.part" . && mv "$base.part" "$base"
    rm -rf "$rootfs" "$rootfs.log"
}

# assess_standin DOCKER MINBASE_TAR MIRROR IMAGE PACKAGES TARGET_RELEASE PATH
assess_standin() {
    local docker=$1 base=$2 mirror=$3 image=$4 packages=$5 release=$6 path=$7
    if "$docker" image inspect "$image" >/dev/null 2>&1; then
        return 0
    fi
    local cache
    cache=$(dirname "$base")
    local key
    key=$(printf '%s|%s|%s|%s' "$image" "$packages" "$release" "$mirror" | sha256sum | cut -c1-12)
    local tarball="$cache/${image//[\/:]/_}-$key.tar"
    if [ ! -s "$tarball" ]; then
        local t0=$SECONDS
        assess_minbase "$base" "$mirror" || return 1
        local rootfs
        rootfs=$(mktemp -d /tmp/assess-standin.XXXXXX)
        tar -C "$rootfs" -xf "$base"
        if [ -n "$packages" ]; then
            cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
            if [ -n "$release" ]; then
                echo "deb $mirror $release main" >"$rootfs/etc/apt/sources.list.d/$release.list"
            fi
            mount -t proc proc "$rootfs/proc"
            # shellcheck disable=SC2086
            if ! chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends ${release:+-t $release} $packages" \
                >"$rootfs.log" 2>&1; then
                umount "$rootfs/proc"
                echo "docker-setup: installing $packages for $image failed:" >&2
                tail -n 20 "$rootfs.log" >&2
                rm -rf "$rootfs" "$rootfs.log"
                return 1
            fi
            umount "$rootfs/proc"
            rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs/etc/resolv.conf"
        fi
        # Package traffic goes through a TLS proxy whose CA only the host trusts.
        cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
        tar -C "$rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
        rm -rf "$rootfs" "$rootfs.log"
        echo "docker-setup: built the root file system of $image in $((SECONDS - t0)) s"
    fi
    local bundle=/etc/ssl/certs/ca-certificates.crt
    "$docker" import \
        --change "ENV PATH=$path" \
        --change "ENV SSL_CERT_FILE=$bundle" \
        --change "ENV PIP_CERT=$bundle" \
        --change "ENV REQUESTS_CA_BUNDLE=$bundle" \
        --change "ENV NODE_EXTRA_CA_CERTS=$bundle" \
        --change 'CMD ["/bin/bash"]' \
        "$tarball" "$image" >/dev/null
}

assess_docker_stop() {
    if [ -n "${ASSESS_DOCKERD_PID:-}" ] && kill -0 "$ASSESS_DOCKERD_PID" 2>/dev/null; then
        kill "$ASSESS_DOCKERD_PID"
        local waited=0
        while kill -0 "$ASSESS_DOCKERD_PID" 2>/dev/null && [ $waited -lt 40 ]; do
            sleep 0.5
            waited=$((waited + 1))
        done
        echo "docker-setup: stopped dockerd $ASSESS_DOCKERD_PID"
    fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced (.ci/run): start, export, and stop the daemon when the caller exits.
    trap assess_docker_stop EXIT
    assess_docker_main
else
    set -euo pipefail
    assess_docker_main
    echo "export DOCKER_HOST=$DOCKER_HOST"
fi
