{
  rx.res.test.t.float64 = 1.23456789;
}
