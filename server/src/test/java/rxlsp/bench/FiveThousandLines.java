package rxlsp.bench;

/**
 * A valid 5,000-line MCL program of realistic shape for the analysis benchmark: per block a few binds,
 * a function, a class with resources and a conditional, an include, a lambda and some lookups.
 */
final class FiveThousandLines {
    private FiveThousandLines() {
    }

    static String program() {
        StringBuilder b = new StringBuilder("import \"fmt\"\nimport \"iter\"\n\n");
        int block = 0;
        while (lines(b) < 5_000) {
            int i = block++;
            b.append("$name_").append(i).append(" = \"host-").append(i).append("\"\n")
                    .append("$port_").append(i).append(" = 8000 + ").append(i).append('\n')
                    .append("$cfg_").append(i).append(" = struct{host => $name_").append(i).append(", port => $port_").append(i).append("}\n")
                    .append("$ports_").append(i).append(" = iter.map([1, 2, 3], func($x) { $x + $port_").append(i).append(" })\n")
                    .append("func greet_").append(i).append("($who) {\n\tfmt.printf(\"hello %s from %d\", $who, $port_").append(i).append(")\n}\n")
                    .append("class svc_").append(i).append("($n, $p int) {\n")
                    .append("\t$label = \"${n}-svc\"\n")
                    .append("\tfile \"/tmp/svc-${label}\" {\n")
                    .append("\t\tcontent => greet_").append(i).append("($n),\n")
                    .append("\t\tmode => \"0644\",\n")
                    .append("\t\tstate => $const.res.file.state.exists,\n")
                    .append("\t}\n")
                    .append("\tif $p > 8000 and len($n) > 0 {\n")
                    .append("\t\tprint \"p-${label}\" {\n")
                    .append("\t\t\tmsg => fmt.printf(\"%d %s\", $p, $n),\n")
                    .append("\t\t}\n")
                    .append("\t}\n")
                    .append("}\n")
                    .append("include svc_").append(i).append("($cfg_").append(i).append("->host, $cfg_").append(i).append("->port)\n")
                    .append("$first_").append(i).append(" = $ports_").append(i).append("[0]\n\n");
        }
        return b.toString();
    }

    private static int lines(StringBuilder b) {
        int n = 0;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
