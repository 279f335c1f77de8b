package rxlsp.intellij;

import com.intellij.openapi.options.Configurable;
import com.intellij.openapi.options.ConfigurationException;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * Settings | Tools | rx-lsp: the JDK for the server and the server settings, kept for the whole IDE. Plain
 * Swing, so it needs no IntelliJ UI API beyond {@link Configurable}. A project settings page (the IDE passes the
 * project) so that Apply can restart the project's server, which reads the settings when it starts.
 */
public final class RxLspConfigurable implements Configurable {
    static final String DISPLAY_NAME = "rx-lsp";

    private final RxLspSettings.Store store;
    private final Machine machine;
    private final Runnable restartServer;
    private Form form;

    public RxLspConfigurable(Project project) {
        // LSP4IJ's start restarts a running server (and starts none when no file of it is open).
        this(new IdeSettingsStore(), Machine.current(),
                () -> LanguageServerManager.getInstance(project).start(RxLspServerFactory.SERVER_ID));
    }

    RxLspConfigurable(RxLspSettings.Store store, Machine machine, Runnable restartServer) {
        this.store = store;
        this.machine = machine;
        this.restartServer = restartServer;
    }

    @Override
    public String getDisplayName() {
        return DISPLAY_NAME;
    }

    @Override
    public JComponent createComponent() {
        form = new Form();
        reset();
        return form.panel;
    }

    @Override
    public boolean isModified() {
        return form != null && !form.settings().equals(RxLspSettings.load(store));
    }

    @Override
    public void apply() throws ConfigurationException {
        RxLspSettings settings = form.settings();
        if (!settings.jdkHome().isEmpty()) {
            try {
                new JdkSearch(machine).find(settings.jdkHome());
            } catch (JdkSearch.JdkNotFoundException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        boolean changed = !settings.equals(RxLspSettings.load(store));
        settings.save(store);
        form.showJdk(machine);
        if (changed) {
            restartServer.run();
        }
    }

    @Override
    public void reset() {
        if (form != null) {
            form.show(RxLspSettings.load(store));
            form.showJdk(machine);
        }
    }

    /** The Swing form; reads and shows {@link RxLspSettings}. */
    static final class Form {
        final JPanel panel = new JPanel(new GridBagLayout());
        final JTextField jdkHome = new JTextField(40);
        final JComboBox<String> mgmtVersion = choices(RxLspSettings.MGMT_VERSIONS, "mgmt-version", "auto");
        final JTextField mgmtDocs = new JTextField(40);
        final JComboBox<String> nixVersion = choices(RxLspSettings.NIX_VERSIONS, "nix-version", "current");
        final JComboBox<String> diagnosticsScope = choices(RxLspSettings.DIAGNOSTICS_SCOPES, "diagnostics-scope", "all");
        final JCheckBox inlayHints = new JCheckBox("Inlay hints: inferred MCL types of unannotated variables and parameters");
        final JLabel jdkInUse = new JLabel();
        private int row;

        Form() {
            add("JDK for the server (22 or newer; empty: search):", jdkHome);
            add("", jdkInUse);
            add("mgmt version (MCL dialect):", mgmtVersion);
            add("mgmt docs JSON (mgmt docs generate --output FILE; empty: rx-lsp.toml's mgmt-docs, if any):", mgmtDocs);
            add("Nix version:", nixVersion);
            add("Diagnostics in .nix files (embedded: only MCL and rx.nix, beside a Nix plugin):", diagnosticsScope);
            add("", inlayHints);
            add("", new JLabel("A setting made here overrides the project's rx-lsp.toml; one left unset leaves the "
                    + "file's value in force."));
            add("", new JLabel("Apply restarts rx-lsp in this project; other open projects take the change when their "
                    + "server restarts (Language Servers view)."));
            GridBagConstraints filler = new GridBagConstraints();
            filler.gridy = row;
            filler.weighty = 1;
            panel.add(new JPanel(), filler);
        }

        /**
         * A choice whose first entry, {@link RxLspSettings#NOT_SET}, shows what counts then: the project's
         * {@code rx-lsp.toml} key, else the server's default.
         */
        private static JComboBox<String> choices(java.util.List<String> values, String tomlKey, String serverDefault) {
            JComboBox<String> box = new JComboBox<>(values.toArray(String[]::new));
            String notSet = notSetLabel(tomlKey, serverDefault);
            box.setRenderer(new DefaultListCellRenderer() {
                @Override
                public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                              boolean focused) {
                    return super.getListCellRendererComponent(list,
                            RxLspSettings.NOT_SET.equals(value) ? notSet : value, index, selected, focused);
                }
            });
            return box;
        }

        static String notSetLabel(String tomlKey, String serverDefault) {
            return "not set: rx-lsp.toml's " + tomlKey + ", else " + serverDefault;
        }

        private void add(String label, JComponent field) {
            GridBagConstraints left = new GridBagConstraints();
            left.gridx = 0;
            left.gridy = row;
            left.anchor = GridBagConstraints.LINE_START;
            left.insets = new Insets(2, 0, 2, 8);
            panel.add(new JLabel(label), left);
            GridBagConstraints right = new GridBagConstraints();
            right.gridx = 1;
            right.gridy = row++;
            right.weightx = 1;
            right.fill = GridBagConstraints.HORIZONTAL;
            right.insets = new Insets(2, 0, 2, 0);
            panel.add(field, right);
        }

        RxLspSettings settings() {
            return new RxLspSettings(jdkHome.getText(), (String) mgmtVersion.getSelectedItem(), mgmtDocs.getText(),
                    (String) nixVersion.getSelectedItem(), (String) diagnosticsScope.getSelectedItem(),
                    inlayHints.isSelected());
        }

        void show(RxLspSettings settings) {
            jdkHome.setText(settings.jdkHome());
            mgmtVersion.setSelectedItem(settings.mgmtVersion());
            mgmtDocs.setText(settings.mgmtDocs());
            nixVersion.setSelectedItem(settings.nixVersion());
            diagnosticsScope.setSelectedItem(settings.diagnosticsScope());
            inlayHints.setSelected(settings.inlayHints());
        }

        /** Which JDK the server would start with now, so a wrong setting shows before the server fails. */
        void showJdk(Machine machine) {
            try {
                Jdk jdk = new JdkSearch(machine).find(jdkHome.getText());
                jdkInUse.setText("Uses Java " + jdk.feature() + " at " + jdk.home() + " (" + jdk.source().description() + ")");
            } catch (JdkSearch.JdkNotFoundException e) {
                jdkInUse.setText("<html>" + escapeHtml(e.getMessage()) + "</html>");
            }
        }

        private static String escapeHtml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
