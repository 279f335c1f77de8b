{
  script = ''
    echo hi
  ;
}
