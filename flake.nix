# rx-lsp as a Nix flake: the package (built with Maven against nixpkgs' own tree-sitter and
# tree-sitter-nix instead of the npm tarballs), an app, a development shell, and a flake check that
# runs `rx-lsp check` over a repository. Not evaluated in this project's CI (no nixpkgs there): see
# README, section "Recipes", for what is verified and what is not.
{
  description = "rx-lsp: language server and CI checker for MCL embedded in Nix (rx.nix)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});

      # The folder layout the build takes natives from (-Drx.natives=DIR): DIR/<os>-<arch>/ holding
      # the tree-sitter core and the Nix grammar under the names the jar loads.
      nativesFor = pkgs:
        let
          host = pkgs.stdenv.hostPlatform;
          platform = (if host.isDarwin then "macos" else "linux") + "-" + (if host.isx86_64 then "x86_64" else "aarch64");
          ext = host.extensions.sharedLibrary;
        in
        pkgs.runCommand "rx-lsp-natives" { } ''
          mkdir -p $out/${platform}
          ln -s ${pkgs.tree-sitter}/lib/libtree-sitter${ext} $out/${platform}/libtree-sitter${ext}
          ln -s ${pkgs.tree-sitter-grammars.tree-sitter-nix}/parser $out/${platform}/libtree-sitter-nix${ext}
        '';

      packageFor = pkgs:
        let jdk = pkgs.jdk25; in
        pkgs.maven.buildMavenPackage {
          pname = "rx-lsp";
          version = "0.1.0";
          src = self;
          mvnJdk = jdk;
          # the hash of the Maven dependencies: replace with the one the first build prints
          mvnHash = pkgs.lib.fakeHash;
          mvnParameters = "-DskipTests -Drx.natives=${nativesFor pkgs} -Drx.native.targets=host";
          nativeBuildInputs = [ pkgs.makeWrapper ];
          JAVA_HOME = jdk.home;
          installPhase = ''
            runHook preInstall
            mkdir -p $out/share/rx-lsp/bin $out/share/rx-lsp/server/target $out/bin
            cp bin/rx-lsp bin/find-jdk $out/share/rx-lsp/bin/
            cp server/target/rx-lsp.jar $out/share/rx-lsp/server/target/
            makeWrapper $out/share/rx-lsp/bin/rx-lsp $out/bin/rx-lsp --set RX_LSP_JAVA_HOME ${jdk.home}
            runHook postInstall
          '';
          meta = {
            description = "Language server and CI checker for MCL embedded in Nix (rx.nix)";
            mainProgram = "rx-lsp";
          };
        };

      # `rx-lsp check` over a source tree as a derivation: fails the build when rx-lsp finds errors.
      mkCheck = { pkgs, src, args ? [ ] }:
        pkgs.runCommand "rx-lsp-check" { nativeBuildInputs = [ (packageFor pkgs) ]; } ''
          export HOME=$TMPDIR
          cd ${src}
          rx-lsp check ${pkgs.lib.escapeShellArgs args} .
          touch $out
        '';
    in
    {
      packages = forAllSystems (pkgs: rec {
        rx-lsp = packageFor pkgs;
        default = rx-lsp;
      });

      apps = forAllSystems (pkgs: {
        default = {
          type = "app";
          program = "${packageFor pkgs}/bin/rx-lsp";
        };
      });

      devShells = forAllSystems (pkgs: {
        default = pkgs.mkShell {
          packages = [ pkgs.jdk25 pkgs.maven pkgs.nodejs pkgs.gcc pkgs.nix pkgs.pre-commit ];
          RX_LSP_JAVA_HOME = pkgs.jdk25.home;
        };
      });

      # For users' own flakes: checks.<system>.rx-lsp = rx-lsp.lib.mkCheck { inherit pkgs; src = ./.; };
      lib = { inherit mkCheck; };

      # This repository's own flake check: the bundled demo configuration is clean.
      checks = forAllSystems (pkgs: {
        demo = mkCheck { inherit pkgs; src = ./demo; };
      });
    };
}
