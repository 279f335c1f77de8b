# Editor end-to-end fixture: the binding on line 4 lacks its `;`.
{
  name = "demo";
  version = "1.0"
  src = ./.;
}
