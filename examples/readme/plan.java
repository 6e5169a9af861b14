// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's Java snippet, as README shows it; ctest runs it (examples/CMakeLists.txt).
import mamisguide.Engine;
import mamisguide.Mamisguide;
import mamisguide.MamisguideException;

class Plan {
    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "data/sample-municipal.csv"; // your master
        String request = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\","
                + "\"prefectural\",\"national\"]},\"request\":{\"operation\":\"withdraw\","
                + "\"levels\":[\"national\"]}}";
        try (Engine e = new Engine(master)) { // JMA + the 47 prefectures + your master
            // the library's bytes: a plan {"ok":true,...} or a refusal {"ok":false,"error":{...}}
            System.out.println(e.planJson(request));
            System.out.println(e.associationJson("13-chiyoda", Mamisguide.LANG_EN));
        } catch (MamisguideException err) { // io_error, load_error (file, line, reason), ...
            System.err.println(err.getCode() + ": " + err.getLastError());
            System.exit(2);
        }
    }
}
