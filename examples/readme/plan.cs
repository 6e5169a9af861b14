// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's C# snippet, as README shows it; ctest builds and runs it (examples/CMakeLists.txt).
using System;
using Mamisguide;

static class Plan
{
    static int Main(string[] args)
    {
        string master = args.Length > 0 ? args[0] : "data/sample-municipal.csv"; // your master
        string request = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\","
                         + "\"prefectural\",\"national\"]},\"request\":{\"operation\":\"withdraw\","
                         + "\"levels\":[\"national\"]}}";
        try
        {
            using (var e = new Engine(master)) // JMA + the 47 prefectures + your master
            {
                // the library's bytes: a plan {"ok":true,...} or a refusal {"ok":false,"error":{...}}
                Console.WriteLine(e.PlanJson(request));
                Console.WriteLine(e.AssociationJson("13-chiyoda", Library.LangEn));
            }
        }
        catch (MamisguideException err) // io_error, load_error (file, line, reason), ...
        {
            Console.Error.WriteLine(err.Code + ": " + err.Message);
            return 2;
        }
        return 0;
    }
}
