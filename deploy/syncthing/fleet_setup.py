"""Set up Syncthing for a fleet of kiosks: one operator machine sends packs to every kiosk, and
every kiosk sends its status back. No server of ours: Syncthing moves the files, encrypted,
machine to machine; the kiosk takes what arrives in its inbox (deploy/README.md, "The inbox").

Run it on each machine once, after `syncthing generate --home HOME --no-default-folder`, with
Syncthing stopped:

    # the operator's machine: packs go out, each kiosk's status comes in
    python3 fleet_setup.py operator --home HOME --packs ~/kiosk-packs --status ~/kiosk-status \\
        --peer KIOSK1_ID=tcp://192.168.1.21:22000 --peer KIOSK2_ID=tcp://192.168.1.22:22000
    # each kiosk: packs come in (receive-only) to its inbox, its status goes out
    python3 fleet_setup.py kiosk --home HOME --packs ~/.local/share/kiosk/inbox \\
        --status ~/.local/share/kiosk/status --peer OPERATOR_ID=tcp://192.168.1.10:22000

`syncthing serve --device-id --home HOME` prints a machine's ID. Addresses are given, so the
machines find each other without any discovery service; nothing is sent to Syncthing's servers
(no global discovery, relays, NAT traversal, STUN, usage reports, crash reports or upgrades).
`--discovery local` lets machines on one LAN find each other without addresses. Standard library
only: it runs before anything else is installed.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PACKS, STATUS = "kiosk-packs", "kiosk-status"  # the two shared folders, by their ID

# Everything that would make Syncthing talk to anything but the fleet's machines.
PRIVATE = {
    "globalAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "stunKeepaliveStartS": "0",  # 0: no STUN
    "urAccepted": "-1",  # usage reporting declined for good
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
}


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


def configure(home: Path, role: str, packs: Path, status: Path, peers: dict[str, str], *,
              listen: str = "tcp://0.0.0.0:22000", gui: str = "127.0.0.1:8384", discovery: str = "none",
              rescan_seconds: int = 60) -> None:
    """Rewrite HOME/config.xml for `role` ("operator" or "kiosk"); `peers` is {device ID: address}."""
    path = home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    me = root.find("device")
    assert me is not None, f"{path}: no device of its own; run syncthing generate first"
    my_id = me.get("id", "")

    options = root.find("options")
    assert options is not None
    for key, value in PRIVATE.items():
        _set(options, key, value)
    _set(options, "localAnnounceEnabled", "true" if discovery == "local" else "false")
    _set(options, "announceLANAddresses", "true" if discovery == "local" else "false")
    for old in options.findall("listenAddress"):
        options.remove(old)
    ET.SubElement(options, "listenAddress").text = listen
    gui_element = root.find("gui")
    assert gui_element is not None
    _set(gui_element, "address", gui)

    for device in root.findall("device"):
        if device.get("id") in peers:
            root.remove(device)
    for device_id, address in peers.items():
        device = ET.Element("device", {"id": device_id, "name": device_id[:7], "compression": "metadata",
                                       "introducer": "false", "skipIntroductionRemovals": "false",
                                       "introducedBy": ""})
        ET.SubElement(device, "address").text = address or "dynamic"
        ET.SubElement(device, "autoAcceptFolders").text = "false"
        root.insert(list(root).index(me) + 1, device)

    for folder in root.findall("folder"):
        if folder.get("id") in (PACKS, STATUS):
            root.remove(folder)
    # The operator sends packs and receives status; a kiosk the other way round. Receive-only
    # on the receiving side: a kiosk can never change the operator's packs, nor the other way.
    sends = {"operator": PACKS, "kiosk": STATUS}[role]
    for folder_id, where in ((PACKS, packs), (STATUS, status)):
        where.mkdir(parents=True, exist_ok=True)
        folder = ET.Element("folder", {
            "id": folder_id, "label": folder_id, "path": str(where),
            "type": "sendonly" if folder_id == sends else "receiveonly",
            "rescanIntervalS": str(rescan_seconds), "fsWatcherEnabled": "true", "fsWatcherDelayS": "1",
            "ignorePerms": "true", "autoNormalize": "true"})
        for device_id in (my_id, *peers):
            ET.SubElement(folder, "device", {"id": device_id, "introducedBy": ""})
        root.insert(list(root).index(me), folder)
    tree.write(path, encoding="utf-8", xml_declaration=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", choices=["operator", "kiosk"])
    parser.add_argument("--home", type=Path, required=True, help="the Syncthing home (config.xml, keys)")
    parser.add_argument("--packs", type=Path, required=True,
                        help="operator: the packs to send; kiosk: its inbox (where packs arrive)")
    parser.add_argument("--status", type=Path, required=True,
                        help="operator: where the kiosks' status arrives; kiosk: where it writes its own")
    parser.add_argument("--peer", action="append", default=[], metavar="DEVICE_ID[=ADDRESS]",
                        help="another machine of the fleet (a kiosk: the operator; the operator: each kiosk)")
    parser.add_argument("--listen", default="tcp://0.0.0.0:22000", help="where this machine accepts peers")
    parser.add_argument("--gui", default="127.0.0.1:8384", help="Syncthing's web interface, on this machine only")
    parser.add_argument("--discovery", choices=["none", "local"], default="none",
                        help="none: peers only at their given addresses (default); local: also found on the LAN")
    parser.add_argument("--rescan", type=int, default=60, help="seconds between full rescans of the folders")
    args = parser.parse_args(argv)
    peers = dict(p.split("=", 1) if "=" in p else (p, "") for p in args.peer)
    if not peers:
        parser.error("give at least one --peer")
    configure(args.home, args.role, args.packs, args.status, peers, listen=args.listen, gui=args.gui,
              discovery=args.discovery, rescan_seconds=args.rescan)
    print(f"{args.home / 'config.xml'}: {args.role} of a fleet of {len(peers) + 1} machines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
