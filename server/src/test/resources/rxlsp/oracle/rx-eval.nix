# Evaluates configurations the way a NixOS host with rx.nix does, as far as rx.nix's program goes:
# rx.nix's own modules (nixos/default.nix) under nixpkgs' own lib.evalModules, with only what lies
# outside rx.nix stubbed: the NixOS options mgmt.nix defines into, and the package set (callPackage
# calls its function; mkDerivation returns its arguments). The result per configuration is the build
# script pkgs/module.nix writes for the host (it holds builtins.toJSON of the host's IR), or the
# failure: an error the module system throws (a wrong type, an option that does not exist,
# conflicting definitions) is caught per configuration with tryEval, which keeps no message: with
# catch = false the first error ends the evaluation instead, with Nix's message.
{ rxNix, nixpkgsLib, configurations, catch ? true }:
let
  lib = import (nixpkgsLib + "/lib");
  inherit (lib) mkOption types;

  # The package set mgmt.nix calls into. generation.nix is the only callee whose argument set holds
  # moduleDrv; its result is replaced by that argument so the module derivation can be read back.
  pkgs = {
    callPackage = fn: args:
      let f = if builtins.isFunction fn then fn else import fn;
      in if args ? moduleDrv then { inherit (args) moduleDrv; }
         else f (builtins.intersectAttrs (builtins.functionArgs f) pkgs // args);
    stdenvNoCC.mkDerivation = attrs: attrs;
    rx-codegen = "@RX_CODEGEN@";
  };

  # The NixOS options mgmt.nix defines (when rx.mgmt.enable is set) and reads.
  nixos = {
    options = {
      assertions = mkOption { type = types.listOf types.raw; default = [ ]; };
      system.build = mkOption { type = types.lazyAttrsOf types.raw; default = { }; };
      system.extraDependencies = mkOption { type = types.listOf types.raw; default = [ ]; };
      system.activationScripts = mkOption { type = types.attrsOf types.raw; default = { }; };
      environment.systemPackages = mkOption { type = types.listOf types.raw; default = [ ]; };
      systemd.services = mkOption { type = types.attrsOf types.raw; default = { }; };
      systemd.user.services = mkOption { type = types.attrsOf types.raw; default = { }; };
      users.users = mkOption { type = types.attrsOf types.raw; default = { }; };
      networking.hostName = mkOption { type = types.str; default = "nixos"; };
    };
    config = {
      _module.args.pkgs = pkgs;
      rx.mgmt.enable = true;
    };
  };

  buildScript = root:
    (lib.evalModules { modules = [ (rxNix + "/nixos") nixos root ]; })
      .config.system.build.rxGeneration.moduleDrv.buildCommand;

  evaluate = root:
    let
      script = buildScript root;
      r = builtins.tryEval (builtins.deepSeq script script);
    in
    if !catch then { inherit script; } else if r.success then { script = r.value; } else { failed = true; };
in
map evaluate configurations
